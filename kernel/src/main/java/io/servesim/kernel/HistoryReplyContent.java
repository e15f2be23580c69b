package io.servesim.kernel;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;

/** A {@code history_reply} as the protocol has it: status ok and {@code [session, line, input]} triples. */
final class HistoryReplyContent implements ContentType<HistoryReplyContent> {
    @SerializedName("status")
    private final String status = "ok";
    @SerializedName("history")
    private final List<List<Object>> history = new ArrayList<>();

    HistoryReplyContent(List<HistoryEntry> entries) {
        for (HistoryEntry e : entries) {
            history.add(List.of(e.getSession(), e.getCellNumber(), e.getInput()));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<HistoryReplyContent> getType() {
        return (MessageType<HistoryReplyContent>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;
    }
}
