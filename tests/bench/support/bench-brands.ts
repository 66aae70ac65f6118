// The benchmark's tracked brands and how posts name them (generatePosts, in the api).
import type { BrandReferences } from '@socialcrm/api/generated-posts';
import type { BrandSpec } from './bench-tools.js';

export const BENCH_BRANDS: readonly BrandSpec[] = [
  {
    name: 'Aurora Coffee',
    keywords: ['aurora coffee', 'café aurora', 'кофе аврора'],
    hashtags: ['#cafeaurora'],
    handles: ['@auroracoffee'],
  },
  {
    name: 'Nova Bank',
    keywords: ['nova bank', 'banco nova', 'нова банк'],
    hashtags: ['#novabank'],
    handles: ['@novabank'],
    excludedTerms: ['supernova'],
  },
  {
    name: 'Zephyr Mobile',
    keywords: ['zephyr mobile', 'зефир мобайл'],
    hashtags: ['#zephyrmobile'],
    handles: ['@zephyr'],
  },
  {
    name: 'Lumen Air',
    keywords: ['lumen air', 'aerolínea lumen'],
    hashtags: ['#lumenair'],
    handles: ['@lumenair'],
  },
];

export const BENCH_REFERENCES: BrandReferences = {
  en: [
    ['Aurora Coffee', '#CafeAurora', '@auroracoffee'],
    ['Nova Bank', '#NovaBank', '@novabank'],
    ['Zephyr Mobile', '#ZephyrMobile', '@zephyr'],
    ['Lumen Air', '#LumenAir', '@lumenair'],
  ],
  es: [
    ['Café Aurora', '#cafeaurora', '@auroracoffee'],
    ['Banco Nova', '#novabank', '@novabank'],
    ['Zephyr Mobile', '#zephyrmobile', '@zephyr'],
    ['Aerolínea Lumen', '#lumenair', '@lumenair'],
  ],
  pt: [
    ['Café Aurora', '#cafeaurora', '@auroracoffee'],
    ['Banco Nova', '#NovaBank', '@novabank'],
    ['Zephyr Mobile', '#ZephyrMobile', '@zephyr'],
    ['Lumen Air', '#lumenair', '@lumenair'],
  ],
  ru: [
    ['Кофе Аврора', '#cafeaurora', '@auroracoffee'],
    ['Нова Банк', '#novabank', '@novabank'],
    ['Зефир Мобайл', '#zephyrmobile', '@zephyr'],
    ['Lumen Air', '#lumenair', '@lumenair'],
  ],
};
