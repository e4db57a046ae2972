import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from '../../subgraphs/context.js';
import type { AlertRules } from '../alerts/alert-rules.js';
import { auditEntries } from './access-notes.js';
import type { AuditWriter } from './audit-writer.js';

/**
 * Writes the request's audit entries before the answer leaves. Fail closed: if
 * the audit trail cannot be written, the data is not returned. The committed
 * entries are then handed to the alert rules, which look at them later.
 */
export function auditBeforeAnswer(writer: AuditWriter, alerts: AlertRules): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const entries = auditEntries(contextValue.access, contextValue.requestId, contextValue.now);
          if (entries.length === 0) return;
          try {
            await writer.append(contextValue.em.fork(), entries);
          } catch (cause) {
            contextValue.log.error({ err: cause }, 'audit write failed: answer withheld');
            if (response.body.kind === 'single') {
              const message = 'The audit trail could not be written, so no data is returned';
              response.body.singleResult = { data: null, errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'AUDIT_UNAVAILABLE' } }] };
              response.http.status = 503;
            }
            return;
          }
          // Early warning is best effort and runs after the answer: it must neither delay nor withhold audited data.
          alerts.observe(contextValue.em, entries, (err) => contextValue.log.warn({ err }, 'alert rules failed'));
        },
      };
    },
  };
}
