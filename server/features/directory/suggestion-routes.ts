/**
 * GET /api/search-suggestions — what the list offers when a search found nothing: the closest categories
 * (suggestions.ts), each with its nearest point when a location is given. Public, like the directory.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchSuggestionsQuerySchema, searchSuggestionsSchema } from '@contract/directory';
import { findSubcategory } from '@contract/rules/categories';
import { walkingMinutes } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import { findNearby } from './queries';
import { suggestCategories } from './suggestions';

export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search-suggestions',
    { schema: { tags: ['directory'], querystring: searchSuggestionsQuerySchema, response: { 200: searchSuggestionsSchema } } },
    async (request) => {
      const { q, lat, lng } = request.query;
      const { closest, items } = suggestCategories(q ?? '');
      const origin = lat !== undefined && lng !== undefined ? { lat, lng } : null;
      const nearest = async (subcategory: string) => {
        if (!origin) return null;
        const [first] = await findNearby(app.db, origin, directoryConfig.maxRadiusMetres, { subcategories: [subcategory] }, false);
        if (!first) return null;
        const point = await app.db.selectFrom('service_points').select(['id', 'name', 'is_demo']).where('id', '=', first.id).executeTakeFirstOrThrow();
        const distanceMeters = Math.round(first.distance);
        return {
          id: point.id,
          name: point.name,
          subcategory,
          subcategoryName: findSubcategory(subcategory)?.name ?? subcategory,
          distanceMeters,
          walkingMinutes: walkingMinutes(distanceMeters),
          isDemo: point.is_demo === 1,
        };
      };
      return { closest, items: await Promise.all(items.map(async (item) => ({ ...item, nearest: await nearest(item.id) }))) };
    },
  );
};
