import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactType } from '../contacts/index.js';
import { SegmentType } from './segment.type.js';
import type { SegmentsService } from './segments.service.js';

/** The segments and lists a contact is in, on `Contact`: a whole list's read in one statement. */
@Resolver(() => ContactType)
export class ContactSegmentsResolver {
  private readonly loaders = new WeakMap<Operation, DataLoader<string, SegmentType[]>>();

  constructor(private readonly service: SegmentsService) {}

  @FieldResolver(() => [SegmentType], {
    description: 'The segments and static lists the contact is a member of, by name.',
  })
  segments(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    let loader = this.loaders.get(operation);
    if (!loader) {
      loader = new DataLoader((ids) => this.service.ofContacts(operation, ids));
      this.loaders.set(operation, loader);
    }
    return loader.load(contact.id);
  }
}
