import { registerEnumType } from 'type-graphql';

export enum BrandKind {
  OWN = 'OWN',
  COMPETITOR = 'COMPETITOR',
}

registerEnumType(BrandKind, {
  name: 'BrandKind',
  description: "OWN: one of the tenant's brands. COMPETITOR: a rival tracked for share of voice.",
});
