import { Migration } from '@mikro-orm/migrations';

export class Migration20261125093150 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sharing"."alert" ("id" uuid not null, "rule" varchar(50) not null, "department" varchar(18) not null, "details" jsonb not null, "raised_at" timestamptz not null, "acknowledged_by" varchar(200) null, "acknowledged_at" timestamptz null, constraint "alert_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_department_index" on "sharing"."alert" ("department");`);

    this.addSql(`create table "sharing"."audit_checkpoint" ("seq" bigint not null, "hash" varchar(64) not null, "at" timestamptz not null, "signature" text not null, constraint "audit_checkpoint_pkey" primary key ("seq"));`);

    this.addSql(`create table "sharing"."audit_record" ("seq" bigint not null, "at" timestamptz not null, "department" varchar(18) not null, "operator" varchar(200) not null, "role" varchar(30) not null, "subject_kind" varchar(10) not null, "subject" varchar(18) not null, "fields" text[] not null, "purpose" varchar(200) null, "grant_ids" text[] not null, "request_id" varchar(100) not null, "outcome" varchar(10) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_record_pkey" primary key ("seq"));`);
    this.addSql(`create index "audit_record_at_index" on "sharing"."audit_record" ("at");`);
    this.addSql(`create index "audit_record_department_index" on "sharing"."audit_record" ("department");`);
    this.addSql(`create index "audit_record_subject_index" on "sharing"."audit_record" ("subject");`);

    this.addSql(`create table "sharing"."catalog_change" ("id" uuid not null, "item_id" varchar(200) not null, "before" jsonb null, "after" jsonb not null, "reason" text not null, "changed_by" varchar(200) not null, "changed_at" timestamptz not null, constraint "catalog_change_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_change_item_id_index" on "sharing"."catalog_change" ("item_id");`);

    this.addSql(`create table "sharing"."catalog_item" ("id" varchar(200) not null, "resource" varchar(20) not null, "field" varchar(150) not null, "label" varchar(100) not null, "provider_code" varchar(18) null, "sharing_type" text check ("sharing_type" in ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')) not null, "sharing_condition" text null, "open_attribute" text check ("open_attribute" in ('OPEN', 'CONDITIONALLY_OPEN', 'NOT_OPEN')) not null, "sensitivity" text check ("sensitivity" in ('PUBLIC', 'INTERNAL', 'SENSITIVE', 'HIGHLY_SENSITIVE')) not null, "update_cycle" text check ("update_cycle" in ('REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'ON_CHANGE')) not null, "personal" boolean not null, "mask_kind" text check ("mask_kind" in ('ID_NUMBER', 'CREDIT_CODE', 'PHONE', 'NAME', 'ADDRESS', 'DATE', 'TEXT')) null, "version" int not null default 1, "updated_at" timestamptz not null, "updated_by" varchar(200) not null, constraint "catalog_item_pkey" primary key ("id"));`);

    this.addSql(`create table "sharing"."grant" ("id" uuid not null, "consumer_code" varchar(18) not null, "provider_code" varchar(18) not null, "items" text[] not null, "purpose" varchar(100) not null, "legal_basis" text not null, "scenario" varchar(100) not null, "access_level" text check ("access_level" in ('FULL', 'MASKED')) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(200) null, "revoke_reason" text null, "granted_by" varchar(200) not null, "granted_at" timestamptz not null, "request_id" uuid null, constraint "grant_pkey" primary key ("id"));`);
    this.addSql(`create index "grant_consumer_code_index" on "sharing"."grant" ("consumer_code");`);

    this.addSql(`create table "sharing"."policy_revision" ("id" int not null, "revision" bigint not null, constraint "policy_revision_pkey" primary key ("id"));`);

    this.addSql(`create table "sharing"."sharing_request" ("id" uuid not null, "consumer_code" varchar(18) not null, "provider_code" varchar(18) not null, "items" text[] not null, "purpose" varchar(100) not null, "legal_basis" text not null, "scenario" varchar(100) not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN')) not null, "requested_by" varchar(200) not null, "requested_at" timestamptz not null, "due_at" timestamptz not null, "decided_by" varchar(200) null, "decided_at" timestamptz null, "refusal_reason" text null, "grant_id" uuid null, "version" int not null default 1, constraint "sharing_request_pkey" primary key ("id"));`);
    this.addSql(`create index "sharing_request_consumer_code_index" on "sharing"."sharing_request" ("consumer_code");`);
    this.addSql(`create index "sharing_request_provider_code_index" on "sharing"."sharing_request" ("provider_code");`);

    // Hand-added on review. The audit trail is append-only: the database refuses to
    // change or remove a record (the hash chain catches whoever disables this).
    this.addSql(`create or replace function "sharing"."audit_append_only"() returns trigger language plpgsql as $$ begin raise exception 'the audit trail is append-only'; end $$;`);
    this.addSql(`create trigger "audit_record_append_only" before update or delete on "sharing"."audit_record" for each row execute function "sharing"."audit_append_only"();`);
    this.addSql(`create trigger "audit_checkpoint_append_only" before update or delete on "sharing"."audit_checkpoint" for each row execute function "sharing"."audit_append_only"();`);
    this.addSql(`insert into "sharing"."policy_revision" ("id", "revision") values (1, 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sharing"."alert" cascade;`);

    this.addSql(`drop table if exists "sharing"."audit_checkpoint" cascade;`);

    this.addSql(`drop table if exists "sharing"."audit_record" cascade;`);
    this.addSql(`drop function if exists "sharing"."audit_append_only"() cascade;`);

    this.addSql(`drop table if exists "sharing"."catalog_change" cascade;`);

    this.addSql(`drop table if exists "sharing"."catalog_item" cascade;`);

    this.addSql(`drop table if exists "sharing"."grant" cascade;`);

    this.addSql(`drop table if exists "sharing"."policy_revision" cascade;`);

    this.addSql(`drop table if exists "sharing"."sharing_request" cascade;`);
  }

}
