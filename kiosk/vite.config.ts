import { resolve } from 'node:path';
import { screenConfig } from '../ui/vite-screen.ts';

const config = screenConfig('kiosk', '/kiosk/');
// A second page: the rating tablet at a window (/kiosk/rate/?counter=N). Its own code goes to
// rate/assets/, so the kiosk's bundle (assets/) stays the kiosk's.
config.build!.rolldownOptions = {
  input: { main: resolve(import.meta.dirname, 'index.html'), rate: resolve(import.meta.dirname, 'rate/index.html') },
  output: {
    entryFileNames: (c) => (c.name === 'rate' ? 'rate/assets/[name]-[hash].js' : 'assets/[name]-[hash].js'),
    assetFileNames: (a) => (a.originalFileNames?.some((f) => f.startsWith('rate/')) ? 'rate/assets/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
  },
};

export default config;
