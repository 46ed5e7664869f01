export default function ListPage({ sessionId }: { sessionId: string }) { return <p>{sessionId}</p> }
