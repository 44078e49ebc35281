// What a collections dashboard can group by: read by the route's schema and the console's filter.

export const dashboardDimensions = ['campaign', 'strategy', 'segment', 'language', 'channel', 'version'] as const;
export type DashboardDimension = (typeof dashboardDimensions)[number];
