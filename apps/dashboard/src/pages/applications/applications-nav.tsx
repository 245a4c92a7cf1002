import { SubNav } from '../../components/sub-nav';

const PAGES = [
  { to: '/products', label: 'Products' },
  { to: '/clients', label: 'Clients' },
  { to: '/subscriptions', label: 'Client Subscriptions' },
  { to: '/organizations', label: 'Organizations' },
];

/** The sub-navigation of Applications. */
export function ApplicationsNav() {
  return <SubNav label="Applications" links={PAGES} />;
}
