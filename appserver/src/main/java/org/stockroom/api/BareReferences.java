package org.stockroom.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Leaves each reference of the OpenAPI document alone, as OpenAPI 3.0 wants it (members beside a
 * {@code $ref} are ignored). SmallRye copies what it reads from the Java parameter beside a
 * parameter's reference ({@code in}, {@code name}, and a string schema where the reference says
 * integer), and a {@code style} beside a header's; a reader could take them for the truth.
 */
public class BareReferences implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getRef() != null) {
            parameter.setName(null);
            parameter.setIn(null);
            parameter.setSchema(null);
            parameter.setStyle(null);
        }
        return parameter;
    }

    @Override
    public Header filterHeader(Header header) {
        if (header.getRef() != null) {
            header.setStyle(null);
        }
        return header;
    }
}
