package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WsInboxTest {

    @Test
    void iterationYieldsElementsInOrderAndEndsAfterCloseOnceDrained() {
        WsInbox<String> inbox = new WsInbox<>(10);
        inbox.offer("a");
        inbox.offer("b");
        inbox.close();

        List<String> got = new ArrayList<>();
        for (String s : inbox) {
            got.add(s);
        }

        assertThat(got).containsExactly("a", "b");
        assertThat(inbox.offer("late")).as("closed inbox refuses").isFalse();
        assertThat(inbox.iterator().hasNext()).isFalse();
        assertThatThrownBy(() -> inbox.iterator().next()).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void hasNextBlocksUntilAnElementArrives() throws Exception {
        WsInbox<Integer> inbox = new WsInbox<>(4);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            Iterator<Integer> it = inbox.iterator();
            return it.hasNext() ? it.next() : null;
        });

        assertThat(first).isNotDone();
        inbox.offer(7);

        assertThat(first.get(120, TimeUnit.SECONDS)).isEqualTo(7);
    }

    @Test
    void blockPolicyMakesTheProducerWaitForSpaceAndLosesNothing() throws Exception {
        WsInbox<Integer> inbox = new WsInbox<>(2);
        CountDownLatch producerDone = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                inbox.offer(i);
            }
            producerDone.countDown();
        });
        producer.start();

        waitUntilBlocked(producer);
        assertThat(producerDone.getCount()).as("third offer waits while full").isEqualTo(1);
        assertThat(inbox.size()).isEqualTo(2);

        assertThat(inbox.poll(Duration.ofSeconds(1))).isEqualTo(0);
        assertThat(producerDone.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox.poll(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(inbox.poll(Duration.ofSeconds(1))).isEqualTo(2);
    }

    @Test
    void closeReleasesABlockedProducer() throws Exception {
        WsInbox<String> inbox = new WsInbox<>(1);
        inbox.offer("fills it");
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> inbox.offer("waits"));

        assertThat(blocked).isNotDone();
        inbox.close();

        assertThat(blocked.get(120, TimeUnit.SECONDS)).isFalse();
        assertThat(inbox.poll(Duration.ZERO)).isEqualTo("fills it");
        assertThat(inbox.poll(Duration.ZERO)).isNull();
    }

    @Test
    void dropOldestKeepsTheNewestAndCountsDrops() throws Exception {
        WsInbox<String> inbox = new WsInbox<>(2, WsInbox.Overflow.DROP_OLDEST);
        for (String s : List.of("a", "b", "c", "d")) {
            assertThat(inbox.offer(s)).isTrue();
        }

        assertThat(inbox.dropped()).isEqualTo(2);
        assertThat(inbox.poll(Duration.ZERO)).isEqualTo("c");
        assertThat(inbox.poll(Duration.ZERO)).isEqualTo("d");
    }

    @Test
    void failPolicyRejectsWhenFull() {
        WsInbox<String> inbox = new WsInbox<>(1, WsInbox.Overflow.FAIL);
        inbox.offer("a");

        assertThatThrownBy(() -> inbox.offer("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("full");
        assertThat(inbox.size()).isEqualTo(1);
    }

    @Test
    void pollTimesOutWithNull() throws Exception {
        WsInbox<String> inbox = new WsInbox<>(1);
        long start = System.nanoTime();

        assertThat(inbox.poll(Duration.ofMillis(50))).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
    }

    @Test
    void anInterruptedConsumerEndsIterationAndKeepsItsInterruptFlag() throws Exception {
        WsInbox<String> inbox = new WsInbox<>(1);
        AtomicReference<Boolean> result = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            result.set(inbox.iterator().hasNext());
            flag.set(Thread.currentThread().isInterrupted());
        });
        consumer.start();
        waitUntilBlocked(consumer);

        consumer.interrupt();
        consumer.join(5000);

        assertThat(result.get()).isFalse();
        assertThat(flag.get()).isTrue();
    }

    @Test
    void publisherHonoursDemandAndCompletesAfterClose() throws Exception {
        WsInbox<Integer> inbox = new WsInbox<>(8);
        List<Integer> got = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);
        CountDownLatch firstTwo = new CountDownLatch(2);
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        inbox.asPublisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(2);
            }

            @Override
            public void onNext(Integer item) {
                got.add(item);
                firstTwo.countDown();
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {
                completed.countDown();
            }
        });
        for (int i = 0; i < 5; i++) {
            inbox.offer(i);
        }

        assertThat(firstTwo.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(completed.await(100, TimeUnit.MILLISECONDS))
                .as("no completion without demand")
                .isFalse();
        assertThat(got).as("only what was requested").containsExactly(0, 1);

        subscription.get().request(Long.MAX_VALUE);
        inbox.close();

        assertThat(completed.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void publisherAllowsASingleSubscriber() throws Exception {
        WsInbox<Integer> inbox = new WsInbox<>(1);
        Flow.Publisher<Integer> publisher = inbox.asPublisher();
        publisher.subscribe(new NoopSubscriber());
        CompletableFuture<Throwable> error = new CompletableFuture<>();

        publisher.subscribe(new NoopSubscriber() {
            @Override
            public void onError(Throwable t) {
                error.complete(t);
            }
        });

        assertThat(error.get(120, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        inbox.close();
    }

    private static void waitUntilBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("thread did not block").isLessThan(deadline);
            Thread.sleep(2); // polling a thread state with a deadline
        }
    }

    private static class NoopSubscriber implements Flow.Subscriber<Integer> {
        @Override
        public void onSubscribe(Flow.Subscription s) {}

        @Override
        public void onNext(Integer item) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
    }
}
