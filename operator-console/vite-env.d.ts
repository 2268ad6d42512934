// Vite's client types: an area imports its own CSS file (operator-console/README.md).
/// <reference types="vite/client" />
