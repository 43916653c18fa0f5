// The Socket.IO side of the comparison: the smallest signaling relay and chat room that does the
// same work as Relaycast's protocol (join a room, relay offer/answer/candidates to one peer, fan chat
// out to the room). No persistence, no auth, no limits: a floor to measure against, not a product.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] || 19901);
const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 1e6 });

io.on('connection', (socket) => {
  let room = null;
  socket.on('join', ({ room: r, role }) => {
    room = r;
    socket.join(r);
    if (role === 'broadcaster') {
      socket.join(r + ':broadcaster');
    } else {
      socket.to(r + ':broadcaster').emit('viewer-joined', { peerId: socket.id });
    }
    socket.emit('joined', { peerId: socket.id });
  });
  // to: a socket id (the broadcaster names a viewer), or the room's broadcaster when omitted
  socket.on('signal', (m) => {
    const target = m.to || room + ':broadcaster';
    io.to(target).emit('signal', { type: m.type, from: socket.id, payload: m.payload });
  });
  socket.on('chat', (m) => {
    if (room) io.to(room).emit('chat', { message: m.message, from: socket.id });
  });
});

http.listen(port, '127.0.0.1', () => console.log(`socket.io relay on ${port}`));
