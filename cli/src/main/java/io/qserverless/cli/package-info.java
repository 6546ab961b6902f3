/**
 * The {@code qs} command line: {@link io.qserverless.cli.Qs} is the entry, each other command is
 * one class ({@code UploadCommand}, {@code RunCommand}, ...). Commands that call a gateway share
 * {@code GatewayOptions} ({@code --host}, {@code --token} and their environment defaults).
 */
package io.qserverless.cli;
