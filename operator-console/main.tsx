import { render } from 'preact'; render(<p>operator-console</p>, document.getElementById('app')!);
