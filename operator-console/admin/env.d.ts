// Vite bundles CSS imported by a component; TypeScript only needs to know such imports exist.
declare module '*.css';
