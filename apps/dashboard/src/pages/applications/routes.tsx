import { Navigate, type RouteObject } from 'react-router';
import { NewProduct, ProductConfiguration, ProductDetail, ProductsList } from './products';

/** The Applications section: products, clients, client subscriptions, organizations. */
export const applicationRoutes: RouteObject[] = [
  { path: 'products', element: <ProductsList /> },
  { path: 'products/new', element: <NewProduct /> },
  {
    path: 'products/:id',
    element: <ProductDetail />,
    children: [
      { index: true, element: <Navigate to="configuration" replace /> },
      { path: 'configuration', element: <ProductConfiguration /> },
    ],
  },
];
