package io.osprey.diameter.node;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Netty event loops for Diameter connections (NIO; the module does not ship the native epoll transport). */
final class EventLoops {

    private EventLoops() {
    }

    static EventLoopGroup group(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threadFactory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
        return new MultiThreadIoEventLoopGroup(threads, threadFactory, NioIoHandler.newFactory());
    }

    static Class<? extends ServerChannel> serverChannel() {
        return NioServerSocketChannel.class;
    }

    static Class<? extends SocketChannel> socketChannel() {
        return NioSocketChannel.class;
    }
}
