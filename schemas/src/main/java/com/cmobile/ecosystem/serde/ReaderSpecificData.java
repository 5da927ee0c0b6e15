package com.cmobile.ecosystem.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model a deserializer reads one generated type with.
 *
 * <p>Why it exists: Avro 1.12.2 refuses to load generated classes by name unless their package is
 * trusted through the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property, a guard
 * against schemas from outside naming arbitrary classes. Here every class Avro may instantiate is
 * named by the <em>reader</em> schema, which is compiled into the reader type itself, never by the
 * writer schema from the registry. So the classes of the reader schema's own named types are
 * resolved once, up front, from the reader type's class loader, and handed to Avro from that map;
 * any other name still goes through Avro's guard. No system property and no global change needed.
 *
 * <p>It also carries the reader type's logical-type conversions (UUID, timestamp-millis), which
 * generated classes keep in their own model.
 */
final class ReaderSpecificData extends SpecificData {

    private final Map<String, Class<?>> ownTypes;

    ReaderSpecificData(Class<? extends SpecificRecord> readerType, Schema readerSchema) {
        super(readerType.getClassLoader());
        SpecificData.getForClass(readerType).getConversions().forEach(this::addLogicalTypeConversion);
        Map<String, Class<?>> types = new HashMap<>();
        collectNamedTypes(readerSchema, readerType.getClassLoader(), types);
        types.put(readerSchema.getFullName(), readerType);
        this.ownTypes = Map.copyOf(types);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> {
                Class<?> own = ownTypes.get(schema.getFullName());
                if (own != null) {
                    return own;
                }
            }
            default -> {
                // Arrays, maps, unions and primitives need no class lookup by name.
            }
        }
        return super.getClass(schema);
    }

    private static void collectNamedTypes(Schema schema, ClassLoader loader, Map<String, Class<?>> types) {
        switch (schema.getType()) {
            case RECORD -> {
                if (types.containsKey(schema.getFullName())) {
                    return; // recursive types
                }
                types.put(schema.getFullName(), load(schema, loader));
                schema.getFields().forEach(field -> collectNamedTypes(field.schema(), loader, types));
            }
            case ENUM, FIXED -> types.put(schema.getFullName(), load(schema, loader));
            case ARRAY -> collectNamedTypes(schema.getElementType(), loader, types);
            case MAP -> collectNamedTypes(schema.getValueType(), loader, types);
            case UNION -> schema.getTypes().forEach(branch -> collectNamedTypes(branch, loader, types));
            default -> {
                // primitives
            }
        }
    }

    private static Class<?> load(Schema schema, ClassLoader loader) {
        String className = SpecificData.getClassName(schema);
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the reader schema names " + schema.getFullName()
                    + " but its generated class " + className + " is not on the class path", e);
        }
    }
}
