/**
 * The HSS side of the Sh interface (TS 29.328, TS 29.329): {@link io.osprey.hss.sh.ShServer} answers UDR, PUR
 * and SNR, {@link io.osprey.hss.sh.ShNotifier} sends PNR, repository data lives in the subscriber store database
 * (migration V2), and notification subscriptions are kept in memory.
 */
package io.osprey.hss.sh;
