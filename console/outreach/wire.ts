import type { BroadcastsView, OutreachPage as Page, VersionDiff as Diff, VersionHistory as History } from '../../src/use-cases/outreach-views';
import type { ImportReport as Report } from '../../src/use-cases/import-report';

// The API's answers these pages read, as they arrive: the service's own types with times as text.

type Json<T> = T extends Date ? string : T extends Array<infer E> ? Array<Json<E>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type OutreachPage = Json<Page>;
export type VersionHistory = Json<History>;
export type VersionDiff = Json<Diff>;
export type DocumentChange = VersionDiff['changes'][number];
export type Broadcasts = Json<BroadcastsView>;
export type BroadcastProgress = NonNullable<NonNullable<Broadcasts['broadcasts']>['pause']>;
export type ImportReport = Report;
