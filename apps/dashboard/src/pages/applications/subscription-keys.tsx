import { type Answer, unwrap } from '@tollgate/api-client';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { ConfirmButton } from '../../components/confirm-button';
import { CopyButton } from '../../components/copy-button';
import { Field } from '../../components/field';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { type KeyPair, pairsOf } from './fresh-keys';

/** A subscribed product as the API answers it, without its key pair (never kept in a page's data). */
export type SubscribedProduct = Answer<'getSubscription'>['products'][number];

const when = (iso: string) => new Date(iso).toLocaleString();

/** A subscribed product's entry without its key pair, whatever the answer carried. */
export function withoutPair(entry: SubscribedProduct & Partial<KeyPair>): SubscribedProduct {
  const { productId, status, keyPrefix, ratePlanId, createdAt, keyIssuedAt, previousKeyExpiresAt } = entry;
  return { productId, status, keyPrefix, ratePlanId, createdAt, keyIssuedAt, previousKeyExpiresAt };
}

/**
 * The key of one subscribed product: its pair in full right after it was issued (with a warning:
 * it is never shown again), its prefix afterwards; and Regenerate (with a grace period for the
 * old key), Approve (while pending, or to undo a revoke) and Revoke.
 */
export function KeyCard({
  subscriptionId,
  entry,
  pair,
  onChange,
}: {
  subscriptionId: string;
  entry: SubscribedProduct;
  pair: KeyPair | undefined;
  /** The entry after an action, and the pair it issued (regenerate). */
  onChange: (entry: SubscribedProduct, pair: KeyPair | undefined) => void;
}) {
  const [grace, setGrace] = useState('0');
  // What Copy selects when the browser has no clipboard for it.
  const keyText = useRef<HTMLElement>(null);
  const secretText = useRef<HTMLElement>(null);
  const problem = useProblem();
  const action = useAction(problem);
  const path = { id: subscriptionId, productId: entry.productId };

  const act = (call: () => Promise<SubscribedProduct & Partial<KeyPair>>) =>
    action.run(async () => {
      const answer = await call();
      onChange(withoutPair(answer), pairsOf([answer])[entry.productId]);
    });
  const regenerate = () =>
    act(() =>
      unwrap(
        api.POST('/api/v1/subscriptions/{id}/products/{productId}/regenerate', {
          params: { path },
          body: { graceSeconds: grace === '' ? 0 : Number(grace) },
        }),
      ),
    );
  const approve = () => act(() => unwrap(api.POST('/api/v1/subscriptions/{id}/products/{productId}/approve', { params: { path } })));
  const revoke = () => act(() => unwrap(api.POST('/api/v1/subscriptions/{id}/products/{productId}/revoke', { params: { path } })));

  return (
    <section className="card" aria-label={`Key for ${entry.productId}`}>
      <h3>
        {entry.productId} <span className={`badge ${entry.status}`}>{entry.status}</span>
      </h3>
      <ProblemBanner problem={problem} />
      {pair === undefined ? (
        <p>
          Key <code className="secret">{entry.keyPrefix}…</code> <span className="muted">issued {when(entry.keyIssuedAt)}</span>
        </p>
      ) : (
        <div className="fresh-key" role="status">
          <p className="warning">Copy the key and the secret now: they will not be shown again.</p>
          <span className="field-label">Consumer key</span>
          <div className="secret-row">
            <code className="secret" data-testid="consumer-key" ref={keyText}>
              {pair.consumerKey}
            </code>
            <CopyButton value={pair.consumerKey} target={keyText} label="Copy key" />
          </div>
          <span className="field-label">Consumer secret</span>
          <div className="secret-row">
            <code className="secret" data-testid="consumer-secret" ref={secretText}>
              {pair.consumerSecret}
            </code>
            <CopyButton value={pair.consumerSecret} target={secretText} label="Copy secret" />
          </div>
        </div>
      )}
      {/* The previous key matters only while it still works: not after it expired, nor once the key is revoked. */}
      {entry.previousKeyExpiresAt !== null && entry.status !== 'revoked' && Date.parse(entry.previousKeyExpiresAt) > Date.now() && (
        <p className="muted">The previous key keeps working until {when(entry.previousKeyExpiresAt)}.</p>
      )}
      <div className="actions">
        <Field label="Grace period (seconds)" hint="How long the old key keeps working" error={problem.field('graceSeconds')}>
          <input
            name={`grace-${entry.productId}`}
            type="number"
            min={0}
            max={7_776_000}
            value={grace}
            onChange={(event) => setGrace(event.target.value)}
          />
        </Field>
        <button type="button" className="secondary" disabled={action.busy} onClick={regenerate}>
          Regenerate
        </button>
        {/* The API approves a revoked key too: that is how a revoke is undone. */}
        {entry.status !== 'approved' && (
          <button type="button" disabled={action.busy} onClick={approve}>
            Approve
          </button>
        )}
        {entry.status !== 'revoked' && (
          <ConfirmButton label="Revoke" question="The key stops working at once." disabled={action.busy} onConfirm={revoke} />
        )}
      </div>
    </section>
  );
}
