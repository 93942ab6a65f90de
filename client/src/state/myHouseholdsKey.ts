// The key of the "my households" projection kept beside the work document: a module of its own so
// the entry can read the projection without loading the model (myHouseholdsView.ts validates it).

/** Kept per language (labels are words) and per format. */
export const myHouseholdsKey = (language: string) => `my-households-v1-${language.replace(/[^\w-]/g, '')}`;
