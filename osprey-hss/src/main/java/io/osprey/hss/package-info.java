/**
 * The HSS as a Diameter node: {@link io.osprey.hss.HssDiameterServer} serves Cx ({@code cx}) and Sh ({@code sh})
 * on one node over one subscriber store ({@code store}).
 */
package io.osprey.hss;
