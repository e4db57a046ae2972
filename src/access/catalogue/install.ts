import type { Database } from '../../db/database.js';
import { defaultCatalogue, licenseTypeItems } from './default-catalogue.js';

/**
 * Installs the default catalogue's items that are missing (never overwrites an
 * item an administrator changed), plus the data items of every licence type in
 * the database. Returns how many items were added.
 */
export async function installDefaultCatalogue(db: Database, actor = 'system:default-catalogue'): Promise<number> {
  const connection = db.orm.em.getConnection();
  type TypeRow = { code: string; name: string; holder_kind: 'PERSON' | 'ENTITY'; data_fields: never };
  const types: TypeRow[] = await connection.execute<TypeRow[]>(
    'select code, name, holder_kind, data_fields from license.license_type',
  );
  const items = [
    ...defaultCatalogue([]),
    ...types.flatMap((t) => licenseTypeItems({ code: t.code, name: t.name, holderKind: t.holder_kind, dataFields: t.data_fields })),
  ];
  const rows = items.map((i) => ({
    id: i.id, resource: i.resource, field: i.field, label: i.label, provider_code: i.providerCode, sharing_type: i.sharingType,
    sharing_condition: i.sharingCondition, open_attribute: i.openAttribute, sensitivity: i.sensitivity, update_cycle: i.updateCycle,
    personal: i.personal, mask_kind: i.maskKind, version: 1, updated_at: new Date().toISOString(), updated_by: actor,
  }));
  const result = await connection.execute<Array<{ id: string }>>(
    `insert into sharing.catalog_item (id, resource, field, label, provider_code, sharing_type, sharing_condition, open_attribute, sensitivity, update_cycle, personal, mask_kind, version, updated_at, updated_by)
     select id, resource, field, label, provider_code, sharing_type, sharing_condition, open_attribute, sensitivity, update_cycle, personal, mask_kind, version, updated_at, updated_by
     from jsonb_to_recordset(?::jsonb) as x(id varchar, resource varchar, field varchar, label varchar, provider_code varchar, sharing_type text, sharing_condition text,
       open_attribute text, sensitivity text, update_cycle text, personal boolean, mask_kind text, version int, updated_at timestamptz, updated_by varchar)
     on conflict (id) do nothing returning id`,
    [JSON.stringify(rows)],
  );
  if (result.length) await connection.execute('update sharing.policy_revision set revision = revision + 1 where id = 1');
  return result.length;
}
