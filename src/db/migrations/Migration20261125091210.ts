import { Migration } from '@mikro-orm/migrations';

export class Migration20261125091210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "license"."issuance_record" ("issuer_code" varchar(18) not null, "idempotency_key" varchar(128) not null, "request_hash" varchar(64) not null, "license_id" varchar(128) not null, "created_at" timestamptz not null, constraint "issuance_record_pkey" primary key ("issuer_code", "idempotency_key"));`);

    this.addSql(`create table "license"."license_event" ("id" uuid not null, "license_id" varchar(128) not null, "kind" text check ("kind" in ('ISSUED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'REISSUED', 'SUPERSEDED')) not null, "actor_department" varchar(18) not null, "actor_subject" varchar(200) not null, "reason" text null, "related_license_id" varchar(128) null, "at" timestamptz not null, constraint "license_event_pkey" primary key ("id"));`);
    this.addSql(`create index "license_event_license_id_index" on "license"."license_event" ("license_id");`);

    this.addSql(`create table "license"."status_list" ("issuer_code" varchar(18) not null, "next_index" int not null default 0, "revision" int not null default 0, "updated_at" timestamptz not null, constraint "status_list_pkey" primary key ("issuer_code"));`);

    this.addSql(`create table "license"."trust_removal" ("fingerprint" varchar(64) not null, "subject" varchar(500) not null, "reason" text not null, "removed_at" timestamptz not null, "removed_by" varchar(200) not null, constraint "trust_removal_pkey" primary key ("fingerprint"));`);

    // Hand-added on review: licence serials come from one sequence, and a status-list
    // position belongs to one licence per issuer.
    this.addSql(`create sequence if not exists "license"."license_serial" start with 1000000001;`);
    this.addSql(`create unique index "license_issuer_status_index_unique" on "license"."license" ("issuer_code", "status_list_index") where "status_list_index" is not null;`);

    this.addSql(`create table "license"."trust_source" ("issuer" varchar(200) not null, "token" text not null, "pinned_root_pem" text not null, "status_list_base" varchar(500) null, "sequence" int not null, "imported_at" timestamptz not null, "imported_by" varchar(200) not null, constraint "trust_source_pkey" primary key ("issuer"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "license"."issuance_record" cascade;`);

    this.addSql(`drop table if exists "license"."license_event" cascade;`);

    this.addSql(`drop table if exists "license"."status_list" cascade;`);

    this.addSql(`drop table if exists "license"."trust_removal" cascade;`);

    this.addSql(`drop table if exists "license"."trust_source" cascade;`);

    this.addSql(`drop index if exists "license"."license_issuer_status_index_unique";`);
    this.addSql(`drop sequence if exists "license"."license_serial";`);
  }

}
