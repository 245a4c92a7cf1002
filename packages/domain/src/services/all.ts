import { AnalyticsService } from './analytics.js';
import { AuditService } from './audit.js';
import { AuthService } from './auth.js';
import { BalanceService } from './balances.js';
import { ClientService } from './clients.js';
import type { ServiceContext } from './context.js';
import { GroupService } from './groups.js';
import { MonetizationService } from './monetization.js';
import { ObjectPermissionService } from './object-permissions.js';
import { OrganizationService } from './organizations.js';
import { PermissionService } from './permissions.js';
import { PolicyTypeService } from './policy-types.js';
import { ProductService } from './products.js';
import { ProjectService } from './projects.js';
import { QuotaService } from './quotas.js';
import { RatePlanService } from './rate-plans.js';
import { RatingService } from './rating.js';
import { ServerGroupService } from './server-groups.js';
import { SubscriptionService } from './subscriptions.js';
import { TraceService } from './traces.js';
import { UserService } from './users.js';

/** Every use-case service over one context: what the admin API and the CLI call. */
export function createServices(context: ServiceContext) {
  return {
    serverGroups: new ServerGroupService(context),
    projects: new ProjectService(context),
    policyTypes: new PolicyTypeService(context),
    products: new ProductService(context),
    organizations: new OrganizationService(context),
    clients: new ClientService(context),
    subscriptions: new SubscriptionService(context),
    quotas: new QuotaService(context),
    analytics: new AnalyticsService(context),
    traces: new TraceService(context),
    users: new UserService(context),
    groups: new GroupService(context),
    auth: new AuthService(context),
    permissions: new PermissionService(context),
    objectPermissions: new ObjectPermissionService(context),
    audit: new AuditService(context),
    ratePlans: new RatePlanService(context),
    monetization: new MonetizationService(context),
    rating: new RatingService(context),
    balances: new BalanceService(context),
  };
}

/** The services the admin API is built on. */
export type Services = ReturnType<typeof createServices>;
