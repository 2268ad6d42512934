import { render } from 'preact'; render(<p>hall-display</p>, document.getElementById('app')!);
