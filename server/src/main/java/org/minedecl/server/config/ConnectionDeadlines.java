package org.minedecl.server.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two deadlines Netty and Micronaut do not enforce on an HTTP/1.1 connection:
 * <ul>
 * <li>a request's line and headers must arrive within {@link HttpLimits#headerTimeout()} of its first byte (of the
 * connection, for its first request): a client trickling header bytes (slowloris) is answered 408 and closed;</li>
 * <li>{@code micronaut.server.read-idle-timeout}: a client that stops sending in the middle of a request (its
 * headers or its body) is closed after that long. Micronaut installs the idle timer but acts only on
 * {@code idle-timeout}; between requests, and while the server sends a long answer, that one still applies.</li>
 * </ul>
 * Both run on the connection's event loop; no thread is held.
 */
@Singleton
public class ConnectionDeadlines implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String CODEC = "http-server-codec";
    static final String HEAD = "minedecl-request-head-deadline";
    static final String READ = "minedecl-request-read-idle";
    private static final byte[] TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\n"
            + "Connection: close\r\nContent-Length: 164\r\n\r\n"
            + "{\"type\":\"urn:minedecl:problem:REQUEST_TIMEOUT\",\"title\":\"Request Timeout\",\"status\":408,"
            + "\"code\":\"REQUEST_TIMEOUT\",\"detail\":\"the request headers did not arrive in time\"}")
            .getBytes(StandardCharsets.US_ASCII);
    private final long headerNanos;

    public ConnectionDeadlines(HttpLimits limits) {
        this.headerNanos = limits.headerTimeout().toNanos();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel ch, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(ch) : this;
        }

        @Override
        public void onInitialPipelineBuilt() {
            install();
        }

        @Override
        public void onStreamPipelineBuilt() {
            install();
        }

        private void install() {
            if (channel == null) {
                return;
            }
            ChannelPipeline p = channel.pipeline();
            if (p.get(CODEC) == null || p.get(HEAD) != null) {
                return; // not an HTTP/1.1 connection (or already done)
            }
            Deadlines d = new Deadlines(headerNanos);
            p.addBefore(CODEC, HEAD, d.bytes);
            p.addAfter(CODEC, READ, d.requests);
        }
    }

    /** One connection's state: waiting for a request, receiving one (head or body), or answering it. */
    static final class Deadlines {
        private final long headerNanos;
        private boolean receiving;
        private boolean headDone;
        private ScheduledFuture<?> headTimer;

        Deadlines(long headerNanos) {
            this.headerNanos = headerNanos;
        }

        private void startHead(ChannelHandlerContext ctx) {
            receiving = true;
            headDone = false;
            if (headTimer == null && headerNanos > 0) {
                headTimer = ctx.executor().schedule(() -> {
                    headTimer = null;
                    if (receiving && !headDone && ctx.channel().isActive()) {
                        ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
                    }
                }, headerNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void headArrived() {
            headDone = true;
            if (headTimer != null) {
                headTimer.cancel(false);
                headTimer = null;
            }
        }

        /** Before the codec: sees the raw bytes, so the deadline starts with a request's first byte. */
        final ChannelInboundHandlerAdapter bytes = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                startHead(ctx);
                super.channelActive(ctx);
            }

            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive()) {
                    startHead(ctx);
                }
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (!receiving && msg instanceof ByteBuf b && b.isReadable()) {
                    startHead(ctx);
                }
                super.channelRead(ctx, msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                headArrived();
                super.channelInactive(ctx);
            }
        };

        /** After the codec: a request's head, the end of its body, and the idle timer's events. */
        final ChannelDuplexHandler requests = new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof HttpRequest) {
                    headArrived();
                }
                if (msg instanceof LastHttpContent) {
                    receiving = false;
                }
                super.channelRead(ctx, msg);
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE && receiving) {
                    // silent in the middle of a request: micronaut.server.read-idle-timeout
                    ctx.close();
                    return;
                }
                super.userEventTriggered(ctx, evt);
            }
        };
    }
}
