import { CompanySize } from '@socialcrm/validation';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageInfo } from '../../platform/graphql/connection.js';
import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { ContactType } from '../contacts/index.js';
import { CustomFieldValue } from '../custom-fields/index.js';

registerEnumType(CompanySize, {
  name: 'CompanySize',
  description:
    'Employee head-count band: SIZE_1_10 (1–10), SIZE_11_50, SIZE_51_200, SIZE_201_500, SIZE_501_1000, SIZE_1001_5000, SIZE_5001_10000, SIZE_10001_PLUS (more than 10,000).',
});

export enum CompanySortField {
  NAME = 'NAME',
  DOMAIN = 'DOMAIN',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CompanySortField, {
  name: 'CompanySortField',
  description:
    'What a list of companies is ordered by (ties by id); companies without a domain sort last by DOMAIN.',
});

@ObjectType('Company', {
  description: 'A B2B account: an organisation contacts belong to, with a role.',
})
export class CompanyType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Its web domain, normalised (acme.com: lower case, no scheme, path or www.); unique in the tenant.',
  })
  domain: string | null;

  @Field(() => String, { nullable: true })
  industry: string | null;

  @Field(() => CompanySize, {
    nullable: true,
    description: 'How many people it employs, as a band.',
  })
  size: CompanySize | null;

  @Field(() => [CustomFieldValue], {
    description: 'The tenant’s company custom fields that have a value.',
  })
  customFields: CustomFieldValue[];

  @Field(() => String, { nullable: true, description: 'The id in the source system (imports).' })
  externalId: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('CompanyConnection', { description: 'A page of companies, in the asked order.' })
export class CompanyConnection extends Connection(CompanyType, 'Company') {
  @Field(() => Int, { description: 'How many companies match.' })
  declare totalCount: number;
}

@ObjectType('CompanyMember', { description: 'A contact at a company, with their role there.' })
export class CompanyMemberType {
  @Field(() => ContactType)
  contact: ContactType;

  @Field(() => String, { nullable: true, description: 'Their role (a job title, “buyer”…).' })
  role: string | null;

  @Field(() => Date, { description: 'When they were linked to the company.' })
  linkedAt: Date;
}

@ObjectType('CompanyMemberEdge')
export class CompanyMemberEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => CompanyMemberType)
  node: CompanyMemberType;
}

@ObjectType('CompanyMemberConnection', { description: 'The contacts at a company, by name.' })
export class CompanyMemberConnection {
  @Field(() => [CompanyMemberEdge])
  edges: CompanyMemberEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({ description: 'How to order a list of companies.' })
export class CompanySort {
  @Field(() => CompanySortField)
  field: CompanySortField;

  @Field(() => SortDirection, {
    nullable: true,
    description: 'A to Z for names, newest first for dates when omitted.',
  })
  direction?: SortDirection | null;
}

@InputType({ description: 'A new company.' })
export class CompanyInput {
  @Field(() => String)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'A web domain or address (https://www.acme.com/ is stored as acme.com).',
  })
  domain?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => CompanySize, { nullable: true })
  size?: CompanySize | null;

  @Field(() => [CustomFieldValue], {
    nullable: true,
    description: 'Values of the tenant’s company custom fields.',
  })
  customFields?: CustomFieldValue[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id in the source system; unique in the tenant.',
  })
  externalId?: string | null;
}

@InputType({
  description: 'Changes to a company: omitted fields keep their value, null clears one.',
})
export class CompanyPatch {
  @Field(() => String, { nullable: true, description: 'A new name (cannot be cleared).' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  domain?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => CompanySize, { nullable: true })
  size?: CompanySize | null;

  @Field(() => [CustomFieldValue], {
    nullable: true,
    description: 'Custom values to change; keys not listed keep theirs, a null value removes one.',
  })
  customFields?: CustomFieldValue[] | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;
}
