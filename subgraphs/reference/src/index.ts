// The reference catalogues — missions, admin areas, countries, organisations (with the demo
// identities) and resolutions — that the seed loads into the database and the subgraphs
// validate against. One package both import, so runtime code never reaches into scripts/.
export * from './admin-areas';
export * from './boundaries';
export * from './countries';
export * from './country-names';
export * from './missions';
export * from './organizations';
export * from './resolutions';
