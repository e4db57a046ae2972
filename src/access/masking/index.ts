/**
 * Masking rules for MASKED grants: `mask(kind, value)` shows just enough of a
 * personal value to recognise it, following common Chinese government
 * practice. Pure; knows nothing of grants, GraphQL or the database.
 *
 * @example
 * import { mask } from './access/masking/index.js';
 * mask('ID_NUMBER', '11010519491231002X'); // '110105********002X'
 */
export { mask, MASK_KINDS, type MaskKind } from './mask.js';
