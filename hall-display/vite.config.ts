import { screenConfig } from '../ui/vite-screen.ts';

export default screenConfig('hall-display', '/display/');
