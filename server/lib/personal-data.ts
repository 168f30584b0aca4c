import type { FastifyInstance } from 'fastify';
import type { FeatureModule } from './feature';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every feature of this app (server/app.ts), for what spans them all: a person's export and erasure. */
    features: FeatureModule[];
  }
}

/** A person's data across every feature: `{ auth: …, care: …, … }` from each feature's personalData hook. */
export async function exportPersonalData(app: FastifyInstance, userId: number): Promise<Record<string, unknown>> {
  const ctx = { db: app.db, privacy: app.privacy, now: app.now() };
  const result: Record<string, unknown> = {};
  for (const feature of app.features) {
    if (feature.personalData) result[feature.name] = await feature.personalData.export(ctx, userId);
  }
  return result;
}

/** Erases a person's data in every feature, in one transaction: all of it, or (on any failure) none. */
export async function erasePersonalData(app: FastifyInstance, userId: number): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const ctx = { db: trx, privacy: app.privacy, now: app.now() };
    // Reverse order: features listed later build on earlier ones (auth, whose users row the rest point at, is early).
    for (const feature of [...app.features].reverse()) {
      if (feature.personalData) await feature.personalData.erase(ctx, userId);
    }
  });
}
