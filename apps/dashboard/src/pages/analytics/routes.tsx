import type { RouteObject } from 'react-router';
import { AnalyticsPage } from './analytics-page';

/** The Analytics section. */
export const analyticsRoutes: RouteObject[] = [{ path: 'analytics', element: <AnalyticsPage /> }];
