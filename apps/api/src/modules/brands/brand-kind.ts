import { BrandKind } from '@socialcrm/validation';
import { registerEnumType } from 'type-graphql';

registerEnumType(BrandKind, {
  name: 'BrandKind',
  description: "OWN: one of the tenant's brands. COMPETITOR: a rival tracked for share of voice.",
});

export { BrandKind };
