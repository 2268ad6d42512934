export * from './types';
export * from './dispatch';
export * from './numbering';
export * from './availability';
export * from './eta';
export * from './actions';
export * from './calendar';
export * from './hall-day';
