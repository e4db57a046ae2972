import { Migration } from '@mikro-orm/migrations';

export class Migration20261125095514 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sharing"."client_assertion_jti" ("key" varchar(300) not null, "expires_at" timestamptz not null, constraint "client_assertion_jti_pkey" primary key ("key"));`);
    this.addSql(`create index "client_assertion_jti_expires_at_index" on "sharing"."client_assertion_jti" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sharing"."client_assertion_jti" cascade;`);
  }

}
