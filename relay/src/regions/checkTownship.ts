import { RegionLevel, type Store } from '../store/Store';

/** Throws unless `id` is a township this relay knows (a community can only be put in one). */
export async function checkTownship(store: Store, id: string): Promise<void> {
  const region = await store.getRegion(id);
  if (!region) throw new Error(`unknown township ${id}; create it with: region create ${id} --name <name> --level township`);
  if (region.level !== RegionLevel.township) throw new Error(`${id} is a ${region.level}, not a township`);
}
