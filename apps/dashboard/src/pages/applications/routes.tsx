import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import type { AnalyticsFilter } from '../../components/analytics-panel';
import type { PermissionCollection } from '../../components/permissions-editor';
import './applications.css';
import { AnalyticsTab, PermissionsTab } from '../../components/entity-tabs';
import { ClientMonetizationTab } from './client-monetization';
import { ClientConfiguration, ClientDetail, ClientsList, NewClient } from './clients';
import { NewOrganization, OrganizationConfiguration, OrganizationDetail, OrganizationsList } from './organizations';
import { ProductMonetizationTab } from './product-monetization';
import { NewProduct, ProductConfiguration, ProductDetail, ProductsList } from './products';
import { SubscriptionMonetizationTab } from './subscription-monetization';
import { NewSubscription, SubscriptionConfiguration, SubscriptionDetail, SubscriptionsList } from './subscriptions';

// Module-level, so each Analytics tab gets the same function (and one filter per item) on every render.
const byProduct = (id: string): AnalyticsFilter => ({ productId: id });
const byClient = (id: string): AnalyticsFilter => ({ clientId: id });
const bySubscription = (id: string): AnalyticsFilter => ({ subscriptionId: id });
const byOrganization = (id: string): AnalyticsFilter => ({ organizationId: id });

/** The routes of one collection: list, new, and a detail page with a route per tab (each a deep link). */
function collection(
  path: PermissionCollection,
  pages: { list: ReactNode; create: ReactNode; detail: ReactNode; configuration: ReactNode; monetization?: ReactNode },
  filterOf: (id: string) => AnalyticsFilter,
): RouteObject[] {
  return [
    { path, element: pages.list },
    { path: `${path}/new`, element: pages.create },
    {
      path: `${path}/:id`,
      element: pages.detail,
      children: [
        { index: true, element: <Navigate to="configuration" replace /> },
        { path: 'configuration', element: pages.configuration },
        { path: 'analytics', element: <AnalyticsTab filterOf={filterOf} /> },
        { path: 'permissions', element: <PermissionsTab collection={path} /> },
        ...(pages.monetization === undefined ? [] : [{ path: 'monetization', element: pages.monetization }]),
      ],
    },
  ];
}

/** The Applications section: products, clients, client subscriptions, organizations. */
export const applicationRoutes: RouteObject[] = [
  ...collection(
    'products',
    {
      list: <ProductsList />,
      create: <NewProduct />,
      detail: <ProductDetail />,
      configuration: <ProductConfiguration />,
      monetization: <ProductMonetizationTab />,
    },
    byProduct,
  ),
  ...collection(
    'clients',
    {
      list: <ClientsList />,
      create: <NewClient />,
      detail: <ClientDetail />,
      configuration: <ClientConfiguration />,
      monetization: <ClientMonetizationTab />,
    },
    byClient,
  ),
  ...collection(
    'subscriptions',
    {
      list: <SubscriptionsList />,
      create: <NewSubscription />,
      detail: <SubscriptionDetail />,
      configuration: <SubscriptionConfiguration />,
      monetization: <SubscriptionMonetizationTab />,
    },
    bySubscription,
  ),
  ...collection(
    'organizations',
    {
      list: <OrganizationsList />,
      create: <NewOrganization />,
      detail: <OrganizationDetail />,
      configuration: <OrganizationConfiguration />,
    },
    byOrganization,
  ),
];
