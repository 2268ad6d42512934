// The floor of the fan-out figure: the same `ws` library with nothing else. POST / sends one
// ticket.called-sized message to every connected socket, then answers. Started by bench/server.ts.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const event = Buffer.from(JSON.stringify({
  type: 'ticket.called', seq: 1, at: new Date().toISOString(), ticket: { id: 1, number: 'А015', serviceId: 1 },
  counter: { id: 3, name: 'Окно 3' }, waiting: [{ serviceId: 1, count: 4 }, { serviceId: 2, count: 7 }],
}));
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    for (const ws of wss.clients) ws.send(event, { binary: false });
    res.end('{}');
  });
});
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => ws.send('{"type":"snapshot"}'));
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
