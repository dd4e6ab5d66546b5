export * from './country-code';
export * from './currency';
export * from './date';
export * from './decimal';
export * from './pcode';
export * from './typed-scalars';
export * from './year-month';
export * from './named-input-errors';
