#!/usr/bin/env python3
"""Tuned pika echo for the valawai-rs benchmark (docs/benchmarks.md), implementation (c).

The VALAWAI echo's handler work (parse JSON, require a non-empty string `content`, publish
`{"content": ...}`) on the best pika pattern we know, under the same policy as the other echoes:

- one connection and one channel (asynchronous `SelectConnection`, no thread per message);
- manual acks with a per-consumer prefetch (QoS);
- acks batched with `multiple`: after `ack_every` handled messages, or as soon as the I/O loop
  has nothing else to do (a zero-delay timer runs after the current batch of frames);
- with `confirms=pipelined`, publisher confirms on and an input acked only after every message
  it caused is confirmed, with many confirms outstanding (what the generated runtime does);
- with MOV logs on, the upstream echo's two INFO logs per echo (an ERROR log for invalid input).

Settings come from RABBITMQ_HOST/PORT/USERNAME/PASSWORD/VHOST and the VALAWAI_BENCH_* variables the
driver sets; SIGTERM or SIGINT stops it after flushing its acks.
"""

import collections
import json
import os
import signal
import sys

import pika


def env(name, default):
    value = os.environ.get(name, "")
    return value if value else default


def flag(name):
    return env(name, "0").lower() in ("1", "true", "on", "yes")


class Echo:
    def __init__(self):
        self.host = env("RABBITMQ_HOST", "127.0.0.1")
        self.port = int(env("RABBITMQ_PORT", "5672"))
        self.username = env("RABBITMQ_USERNAME", "guest")
        self.password = env("RABBITMQ_PASSWORD", "guest")
        self.vhost = env("RABBITMQ_VHOST", "/")
        self.input = os.environ["VALAWAI_BENCH_INPUT_QUEUE"]
        self.output = os.environ["VALAWAI_BENCH_OUTPUT_QUEUE"]
        self.log_queue = env("VALAWAI_BENCH_LOG_QUEUE", "valawai/log/add")
        self.prefetch = int(env("VALAWAI_BENCH_PREFETCH", "100"))
        self.ack_every = max(1, int(env("VALAWAI_BENCH_ACK_EVERY", "25")))
        self.confirms = env("VALAWAI_BENCH_CONFIRMS", "pipelined")
        if self.confirms not in ("pipelined", "none"):
            sys.exit(f"pika-echo: unknown confirm policy {self.confirms!r}")
        self.mov_logs = flag("VALAWAI_BENCH_MOV_LOGS")
        self.properties = pika.BasicProperties(
            content_type="application/json",
            delivery_mode=2 if flag("VALAWAI_BENCH_PERSISTENT") else 1,
        )
        self.connection = None
        self.channel = None
        # Publisher confirms: the last publish sequence number each input waits for, in order.
        self.published = 0
        self.confirmed = 0
        self.confirmed_singles = set()
        self.waiting = collections.deque()
        # Acks: the highest handled delivery tag not yet acked, and how many are pending.
        self.ack_tag = 0
        self.ack_pending = 0
        self.flush_scheduled = False
        self.stopping = False
        self.failure = None
        self.echoed = 0
        self.rejected = 0

    # Connection and set-up -------------------------------------------------------------

    def run(self):
        parameters = pika.ConnectionParameters(
            host=self.host,
            port=self.port,
            virtual_host=self.vhost,
            credentials=pika.PlainCredentials(self.username, self.password),
            heartbeat=30,
            client_properties={"connection_name": "valawai-bench:pika-echo"},
        )
        self.connection = pika.SelectConnection(
            parameters,
            on_open_callback=self.on_connection_open,
            on_open_error_callback=self.on_connection_error,
            on_close_callback=self.on_connection_closed,
        )
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self.on_signal)
        print(
            f"pika-echo: {self.input} -> {self.output} on {self.host}:{self.port}; "
            f"prefetch {self.prefetch}, ack every {self.ack_every}, confirms {self.confirms}, "
            f"MOV logs {'on' if self.mov_logs else 'off'}",
            file=sys.stderr,
            flush=True,
        )
        self.connection.ioloop.start()
        print(
            f"pika-echo: stopped: {self.echoed} echoed, {self.rejected} rejected",
            file=sys.stderr,
            flush=True,
        )
        if self.failure:
            sys.exit(f"pika-echo: {self.failure}")

    def on_connection_open(self, connection):
        connection.channel(on_open_callback=self.on_channel_open)

    def on_connection_error(self, _connection, error):
        self.failure = f"cannot connect to {self.host}:{self.port}: {error}"
        self.connection.ioloop.stop()

    def on_connection_closed(self, _connection, reason):
        if not self.stopping:
            self.failure = f"connection closed: {reason}"
        self.connection.ioloop.stop()

    def on_channel_open(self, channel):
        self.channel = channel
        channel.add_on_close_callback(self.on_channel_closed)
        if self.confirms == "pipelined":
            channel.confirm_delivery(self.on_confirm, callback=lambda _frame: self.declare())
        else:
            self.declare()

    def on_channel_closed(self, _channel, reason):
        if not self.stopping:
            self.failure = f"channel closed: {reason}"
            self.connection.close()

    def declare(self):
        self.channel.queue_declare(
            self.input,
            durable=True,
            exclusive=False,
            auto_delete=False,
            callback=lambda _frame: self.channel.basic_qos(
                prefetch_count=self.prefetch, callback=lambda _frame: self.consume()
            ),
        )

    def consume(self):
        self.channel.basic_consume(self.input, self.on_message, auto_ack=False)

    # The handler -----------------------------------------------------------------------

    def on_message(self, channel, method, _properties, body):
        tag = method.delivery_tag
        try:
            received = json.loads(body)
            content = received.get("content") if isinstance(received, dict) else None
        except ValueError:
            received, content = None, None
        if not isinstance(content, str) or not content:
            channel.basic_reject(tag, requeue=False)
            self.rejected += 1
            if self.mov_logs:
                self.publish(
                    self.log_queue,
                    self.mov_log("ERROR", "Cannot process echo, because the content is invalid", body),
                )
                self.after_publish(None)
            return
        echoed = json.dumps({"content": content}, separators=(",", ":")).encode()
        if self.mov_logs:
            self.publish(self.log_queue, self.mov_log("INFO", "Received a message to echo", body))
        self.publish(self.output, echoed)
        if self.mov_logs:
            self.publish(self.log_queue, self.mov_log("INFO", "Sent Echoed message", echoed))
        self.echoed += 1
        self.after_publish(tag)

    def publish(self, queue, body):
        self.channel.basic_publish("", queue, body, self.properties)
        self.published += 1

    @staticmethod
    def mov_log(level, message, payload):
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        return json.dumps(
            {"level": level, "message": message, "payload": text, "component_id": None},
            separators=(",", ":"),
        ).encode()

    # Confirms and acks -----------------------------------------------------------------

    def after_publish(self, tag):
        """The input `tag` (None: nothing to ack) is done once its publishes are confirmed."""
        if self.confirms == "pipelined":
            self.waiting.append((self.published, tag))
        elif tag is not None:
            self.handled(tag)

    def on_confirm(self, frame):
        method = frame.method
        if isinstance(method, pika.spec.Basic.Nack):
            self.failure = f"the broker nacked publish {method.delivery_tag}"
            self.stop()
            return
        if method.multiple:
            self.confirmed = max(self.confirmed, method.delivery_tag)
        else:
            self.confirmed_singles.add(method.delivery_tag)
        while self.confirmed + 1 in self.confirmed_singles:
            self.confirmed += 1
            self.confirmed_singles.discard(self.confirmed)
        while self.waiting and self.waiting[0][0] <= self.confirmed:
            _, tag = self.waiting.popleft()
            if tag is not None:
                self.handled(tag)

    def handled(self, tag):
        self.ack_tag = tag
        self.ack_pending += 1
        if self.ack_pending >= self.ack_every:
            self.flush_acks()
        elif not self.flush_scheduled:
            # Runs once the I/O loop has dispatched the frames it has already read.
            self.flush_scheduled = True
            self.connection.ioloop.call_later(0, self.flush_acks)

    def flush_acks(self):
        self.flush_scheduled = False
        if self.ack_pending and self.channel is not None and self.channel.is_open:
            self.channel.basic_ack(self.ack_tag, multiple=True)
            self.ack_pending = 0

    # Stopping --------------------------------------------------------------------------

    def on_signal(self, _signum, _frame):
        self.connection.ioloop.add_callback_threadsafe(self.stop)

    def stop(self):
        if self.stopping:
            return
        self.stopping = True
        self.flush_acks()
        if self.connection.is_open:
            self.connection.close()
        else:
            self.connection.ioloop.stop()


if __name__ == "__main__":
    Echo().run()
