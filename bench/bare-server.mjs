// The floors under the server's figures, with nothing of Talon in them. Started by bench/server.ts
// with a database path:
// - POST /        sends one ticket.called-sized message to every connected `ws` socket, then answers
//                 (the fan-out's floor; also a bare node:http round trip);
// - POST /durable inserts one row with raw better-sqlite3 (WAL, synchronous=FULL), then answers:
//                 the least a durable request can cost on this machine.
import http from 'node:http';
import Database from 'better-sqlite3';
import { WebSocketServer } from 'ws';

const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)');
const insert = db.prepare('INSERT INTO t (v) VALUES (?)');

const event = Buffer.from(JSON.stringify({
  type: 'ticket.called', seq: 1, at: new Date().toISOString(), ticket: { id: 1, number: 'А015', serviceId: 1 },
  counter: { id: 3, name: 'Окно 3' }, waiting: [{ serviceId: 1, count: 4 }, { serviceId: 2, count: 7 }],
}));
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/durable') insert.run('А015');
    else for (const ws of wss.clients) ws.send(event, { binary: false });
    res.end('{}');
  });
});
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => ws.send('{"type":"snapshot"}'));
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => { db.close(); process.exit(0); });
