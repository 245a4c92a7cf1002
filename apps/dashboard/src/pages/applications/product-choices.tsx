import type { ReactNode } from 'react';
import { FieldError } from '../../components/field';
import { GroupLink } from '../../shell/server-group';
import { useProductOptions } from './options';

/**
 * Products to tick (an organization's offer, a subscription's products), in the order ticked:
 * the API names a bad one by its index in that list (`productIds.1`), which is where its
 * message is shown. `extra` adds controls to a ticked product (its rate plan).
 */
export function ProductChoices({
  legend,
  chosen,
  onChange,
  error,
  extra,
}: {
  legend: string;
  chosen: readonly string[];
  onChange: (productIds: string[]) => void;
  /** The message for the product at `index` of `chosen`, or for the whole list (`index` undefined). */
  error: (index: number | undefined) => string | undefined;
  extra?: (productId: string, index: number) => ReactNode;
}) {
  const products = useProductOptions();
  // Chosen products past the first page of options still show, so they can be unticked.
  const ids = [...(products ?? []).map((product) => product.id), ...chosen.filter((id) => !products?.some((p) => p.id === id))];
  const nameOf = (id: string) => products?.find((product) => product.id === id)?.name ?? id;
  const listError = error(undefined);
  return (
    <fieldset className={listError === undefined ? 'field' : 'field invalid'}>
      <legend className="field-label">{legend}</legend>
      {products !== undefined && ids.length === 0 && (
        <span className="muted">
          No product yet: create one under <GroupLink to="/products">Products</GroupLink> first.
        </span>
      )}
      <div className="choices">
        {ids.map((id) => {
          const index = chosen.indexOf(id);
          const message = index === -1 ? undefined : error(index);
          return (
            <div key={id} className="choice">
              <label className="inline">
                <input
                  type="checkbox"
                  name={`product-${id}`}
                  checked={index !== -1}
                  onChange={(event) => onChange(event.target.checked ? [...chosen, id] : chosen.filter((other) => other !== id))}
                />
                {nameOf(id)} <span className="muted">{id}</span>
              </label>
              {index !== -1 && extra?.(id, index)}
              <FieldError message={message} />
            </div>
          );
        })}
      </div>
      <FieldError message={listError} />
    </fieldset>
  );
}
