import { Migration } from '@mikro-orm/migrations';

export class Migration20261125082834 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "sharing";`);
    this.addSql(`create schema if not exists "legal_entity";`);
    this.addSql(`create schema if not exists "license";`);
    this.addSql(`create schema if not exists "population";`);
    this.addSql(`create table "sharing"."department" ("code" varchar(18) not null, "name" varchar(200) not null, "division_code" varchar(6) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "department_pkey" primary key ("code"));`);

    this.addSql(`create table "legal_entity"."legal_entity" ("credit_code" varchar(18) not null, "name" varchar(200) not null, "registration_authority" varchar(1) not null, "organisation_type" varchar(1) not null, "division_code" varchar(6) not null, "legal_representative" varchar(18) not null, "registered_capital" numeric(20,2) null, "capital_currency" varchar(3) null, "established_on" date not null, "address" varchar(300) not null, "business_scope" text null, "status" text check ("status" in ('ACTIVE', 'REVOKED', 'CANCELLED', 'MOVED_OUT', 'SUSPENDED')) not null default 'ACTIVE', "provenance" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "legal_entity_pkey" primary key ("credit_code"));`);
    this.addSql(`create index "legal_entity_legal_representative_index" on "legal_entity"."legal_entity" ("legal_representative");`);

    this.addSql(`create table "license"."license_type" ("code" varchar(21) not null, "name" varchar(100) not null, "holder_kind" text check ("holder_kind" in ('PERSON', 'ENTITY')) not null, "defining_authority_code" varchar(18) not null, "defining_authority_name" varchar(200) not null, "issuing_departments" text[] not null, "data_fields" jsonb not null, "validity_years" int null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "license_type_pkey" primary key ("code"));`);

    this.addSql(`create table "license"."license" ("license_id" varchar(128) not null, "type_code" varchar(21) not null, "license_number" varchar(64) not null, "holder_kind" text check ("holder_kind" in ('PERSON', 'ENTITY')) not null, "holder_id" varchar(18) not null, "holder_name" varchar(200) not null, "issuer_code" varchar(18) not null, "serial" varchar(32) not null, "edition" int not null, "issued_on" date not null, "valid_from" date not null, "valid_until" date null, "jurisdiction_code" varchar(6) not null, "status" text check ("status" in ('VALID', 'SUSPENDED', 'REVOKED', 'SUPERSEDED')) not null default 'VALID', "data" jsonb not null, "supersedes" varchar(128) null, "signed_token" text null, "status_list_index" int null, "provenance" jsonb not null, "row_version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "license_pkey" primary key ("license_id"));`);
    this.addSql(`create index "license_holder_id_index" on "license"."license" ("holder_id");`);
    this.addSql(`create index "license_issuer_code_index" on "license"."license" ("issuer_code");`);
    this.addSql(`alter table "license"."license" add constraint "license_type_code_issuer_code_license_number_edition_unique" unique ("type_code", "issuer_code", "license_number", "edition");`);

    this.addSql(`create table "population"."person" ("id_number" varchar(18) not null, "name" varchar(100) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "ethnicity" varchar(20) null, "nationality" varchar(3) not null default 'CHN', "household_address" varchar(300) null, "residence_address" varchar(300) null, "phone" varchar(20) null, "marital_status" text check ("marital_status" in ('UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED')) null, "life_status" text check ("life_status" in ('ALIVE', 'DECEASED')) not null default 'ALIVE', "provenance" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("id_number"));`);

    this.addSql(`alter table "license"."license" add constraint "license_type_code_foreign" foreign key ("type_code") references "license"."license_type" ("code") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "license"."license" drop constraint "license_type_code_foreign";`);

    this.addSql(`drop table if exists "sharing"."department" cascade;`);

    this.addSql(`drop table if exists "legal_entity"."legal_entity" cascade;`);

    this.addSql(`drop table if exists "license"."license_type" cascade;`);

    this.addSql(`drop table if exists "license"."license" cascade;`);

    this.addSql(`drop table if exists "population"."person" cascade;`);

    this.addSql(`drop schema if exists "sharing";`);
    this.addSql(`drop schema if exists "legal_entity";`);
    this.addSql(`drop schema if exists "license";`);
    this.addSql(`drop schema if exists "population";`);
  }

}
