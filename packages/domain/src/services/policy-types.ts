import type { PolicyTypeView } from '../entities/policy-type.js';
import { notFound } from '../errors/catalogue.js';
import type { PolicyType } from '../ports/policy-types.js';
import type { ServiceContext } from './context.js';

/** The catalogue of policy types, as the dashboard renders its forms from it. */
export class PolicyTypeService {
  private readonly views: readonly PolicyTypeView[];

  constructor(context: Pick<ServiceContext, 'policyTypes'>) {
    this.views = [...context.policyTypes].sort((a, b) => a.priority - b.priority).map(toView);
  }

  /** Every type, in the order they run within a flow and scope. */
  list(): readonly PolicyTypeView[] {
    return this.views;
  }

  get(name: string): PolicyTypeView {
    const view = this.views.find((type) => type.name === name);
    if (view === undefined) throw notFound('policy type', name);
    return view;
  }
}

function toView(type: PolicyType): PolicyTypeView {
  return {
    name: type.name,
    description: type.description,
    priority: type.priority,
    flows: [...type.flows],
    scopes: [...type.scopes],
    // A plain JSON copy: what the API serves, without TypeBox's non-enumerable markers.
    schema: JSON.parse(JSON.stringify(type.schema)) as Record<string, unknown>,
  };
}
