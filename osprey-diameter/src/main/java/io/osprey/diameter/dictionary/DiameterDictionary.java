package io.osprey.diameter.dictionary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of AVP and command definitions, looked up by (code, vendor) and (command code,
 * application). {@link #standard()} holds base, Cx, Sh, Rx, Ro and Rf. AVP lookups sit on the decode hot
 * path, so they use a primitive-keyed table instead of boxing map keys.
 */
public final class DiameterDictionary {

    private static final DiameterDictionary STANDARD = builder()
            .avps(BaseDictionary.avps()).commands(BaseDictionary.commands())
            .avps(CxDictionary.avps()).commands(CxDictionary.commands())
            .avps(ShDictionary.avps()).commands(ShDictionary.commands())
            .avps(RoDictionary.avps()).commands(RoDictionary.commands())
            .avps(ChargingDictionary.avps())
            .commands(RfDictionary.commands())
            .avps(RxDictionary.avps()).commands(RxDictionary.commands())
            .build();

    private final LongKeyTable<AvpDefinition> avps;
    private final LongKeyTable<CommandDefinition> commands;
    private final List<AvpDefinition> avpDefinitions;
    private final List<CommandDefinition> commandDefinitions;

    private DiameterDictionary(Collection<AvpDefinition> avpDefinitions, Collection<CommandDefinition> commandDefinitions) {
        avps = new LongKeyTable<>(avpDefinitions.size());
        for (AvpDefinition def : avpDefinitions) {
            avps.put(def.key(), def);
        }
        commands = new LongKeyTable<>(commandDefinitions.size());
        for (CommandDefinition def : commandDefinitions) {
            commands.put(commandKey(def.code(), def.application().id()), def);
        }
        this.avpDefinitions = List.copyOf(avpDefinitions);
        this.commandDefinitions = List.copyOf(commandDefinitions);
    }

    /** Base protocol, Cx/Dx, Sh, Rx, Ro (credit control with TS 32.299 AVPs) and Rf. */
    public static DiameterDictionary standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The definition of AVP {@code code} of {@code vendorId}, or null when unknown. */
    public AvpDefinition avp(int code, long vendorId) {
        return avps.get(AvpDefinition.key(code, vendorId));
    }

    /** The command {@code code} of application {@code applicationId}, or null when unknown. */
    public CommandDefinition command(int code, long applicationId) {
        return commands.get(commandKey(code, applicationId));
    }

    /** All AVP definitions, in registration order. */
    public List<AvpDefinition> avpDefinitions() {
        return avpDefinitions;
    }

    /** All command definitions, in registration order. */
    public List<CommandDefinition> commandDefinitions() {
        return commandDefinitions;
    }

    private static long commandKey(int code, long applicationId) {
        return (applicationId << 24) | code;
    }

    /** Collects definitions; a second, different definition for the same key is an error. */
    public static final class Builder {
        private final Map<Long, AvpDefinition> avps = new HashMap<>();
        private final Map<Long, CommandDefinition> commands = new HashMap<>();
        private final List<AvpDefinition> avpOrder = new ArrayList<>();
        private final List<CommandDefinition> commandOrder = new ArrayList<>();

        private Builder() {
        }

        /** Adds every definition of {@code other}, e.g. to extend the standard dictionary. */
        public Builder include(DiameterDictionary other) {
            return avps(other.avpDefinitions).commands(other.commandDefinitions);
        }

        public Builder avps(Collection<AvpDefinition> definitions) {
            for (AvpDefinition def : definitions) {
                AvpDefinition previous = avps.putIfAbsent(def.key(), def);
                if (previous == null) {
                    avpOrder.add(def);
                } else if (!previous.equals(def)) {
                    throw new IllegalArgumentException("AVP " + def + " conflicts with " + previous);
                }
            }
            return this;
        }

        public Builder commands(Collection<CommandDefinition> definitions) {
            for (CommandDefinition def : definitions) {
                CommandDefinition previous = commands.putIfAbsent(commandKey(def.code(), def.application().id()), def);
                if (previous == null) {
                    commandOrder.add(def);
                } else if (!previous.equals(def)) {
                    throw new IllegalArgumentException("command " + def + " conflicts with " + previous);
                }
            }
            return this;
        }

        public DiameterDictionary build() {
            return new DiameterDictionary(avpOrder, commandOrder);
        }
    }
}
