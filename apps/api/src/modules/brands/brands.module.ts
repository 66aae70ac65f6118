import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { BrandTermsPreviewResolver } from './brand-terms-preview.resolver.js';
import { BrandTermsPreviewService } from './brand-terms-preview.service.js';
import { TrackedBrand } from './tracked-brand.entity.js';
import { TrackedBrandResolver } from './tracked-brand.resolver.js';
import { TrackedBrandService } from './tracked-brand.service.js';

/** The tenant's own brands and competitors, and the terms that find their mentions. */
export const brandsModule = defineModule({
  name: 'brands',
  entities: [TrackedBrand],
  resolvers: [TrackedBrandResolver, BrandTermsPreviewResolver],
  build: (_: NoDeps) => ({
    resolvers: [
      new TrackedBrandResolver(new TrackedBrandService()),
      new BrandTermsPreviewResolver(new BrandTermsPreviewService()),
    ],
    offers: {},
  }),
});
