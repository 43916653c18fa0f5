// The PeerJS side of the comparison: the stock PeerJS server from npm, as its README starts it.
import { PeerServer } from 'peer';

const port = Number(process.argv[2] || 19900);
PeerServer({ port, host: '127.0.0.1', path: '/', concurrent_limit: 100000 },
  () => console.log(`peerjs server on ${port}`));
