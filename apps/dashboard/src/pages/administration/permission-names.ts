import type { Body } from '@tollgate/api-client';

/** A global permission, as the API names it. */
export type Permission = Body<'setPermissions'>['permissions'][number];

/** What each permission allows (docs/api.md, Permissions); a permission the API adds fails the build until described. */
const ALLOWS = {
  LOGIN: 'Log in, and use sessions and API tokens',
  MANAGE_USERS_AND_GROUPS: 'Create, change and delete users and groups',
  MANAGE_PERMISSIONS: 'Grant global and per-object permissions',
  VIEW_AUDIT_LOG: 'Read the audit log',
  VIEW_PROJECTS: 'See API projects, their deployments and policy types',
  MODIFY_PROJECTS: 'Create, change and delete API projects',
  DEPLOY_PROJECTS: 'Deploy and undeploy API projects',
  VIEW_SERVER_GROUPS: 'See server groups and their nodes',
  MODIFY_SERVER_GROUPS: 'Create, change and delete server groups',
  VIEW_PRODUCTS: 'See products',
  MODIFY_PRODUCTS: 'Create, change and delete products',
  VIEW_CLIENTS: 'See clients',
  MODIFY_CLIENTS: 'Create, change and delete clients',
  VIEW_SUBSCRIPTIONS: 'See client subscriptions',
  MODIFY_SUBSCRIPTIONS: 'Change subscriptions, their keys and quotas',
  VIEW_ORGANIZATIONS: 'See organizations',
  MODIFY_ORGANIZATIONS: 'Create, change and delete organizations',
  VIEW_ANALYTICS: 'See analytics and metrics',
  VIEW_TRACE: 'See trace sessions and traced calls',
  MODIFY_TRACE: 'Start and stop trace sessions',
  VIEW_BILLING: 'See invoices and the monetization report',
  MANAGE_BILLING: 'Rate, finalize invoices and top up balances',
} satisfies Record<Permission, string>;

/** Every global permission in the API's order, with what it allows. */
export const PERMISSIONS: ReadonlyArray<{ name: Permission; allows: string }> = (Object.keys(ALLOWS) as Permission[]).map((name) => ({
  name,
  allows: ALLOWS[name],
}));
